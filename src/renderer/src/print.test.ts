import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfFileName } from './print';

describe('pdfFileName', () => {
  it('turns a title into a plain file name', () => {
    expect(pdfFileName("Baclofen and Sjögren's Syndrome: Does It Help?")).toBe('baclofen-and-sjogren-s-syndrome-does-it-help.pdf');
    expect(pdfFileName('')).toBe('quire.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
  });

  it('always gives a short name of safe characters ending in .pdf', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (title) => {
        expect(pdfFileName(title)).toMatch(/^[a-z0-9][a-z0-9-]{0,79}\.pdf$|^quire\.pdf$/);
      }),
    );
  });
});
