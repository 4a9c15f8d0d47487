import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfOptions, printFailure, printOptions, saveDialogOptions } from './print-options';

describe('printOptions', () => {
  it('opens the system dialog and prints backgrounds', () => {
    expect(printOptions()).toEqual({ silent: false, printBackground: true });
  });
});

describe('pdfOptions', () => {
  it('takes paper size and margins from the page’s @page rules', () => {
    expect(pdfOptions()).toEqual({ printBackground: true, preferCSSPageSize: true });
    expect(pdfOptions()).not.toHaveProperty('pageSize');
    expect(pdfOptions()).not.toHaveProperty('margins');
  });
});

describe('saveDialogOptions', () => {
  it('offers the file name in the documents folder, PDF files only', () => {
    const documents = join('/home', 'ana', 'Documents');
    const options = saveDialogOptions('baclofen-and-sleep.pdf', documents);
    expect(options.defaultPath).toBe(join(documents, 'baclofen-and-sleep.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('keeps a name with spaces, accents and an upper-case extension as it is', () => {
    expect(saveDialogOptions('Sjögren notes.PDF', '/tmp').defaultPath).toBe(join('/tmp', 'Sjögren notes.PDF'));
  });

  it.each(['../escape.pdf', 'sub/dir.pdf', 'C:\\evil.pdf', 'nul\0.pdf', 'notes.txt', '', `${'a'.repeat(197)}.pdf`])(
    'refuses %j, which is not a plain PDF file name',
    (name) => {
      expect(() => saveDialogOptions(name, '/tmp')).toThrow(/^print-options: /);
    },
  );
});

describe('printFailure', () => {
  it('is null when printing worked or the reader cancelled the dialog', () => {
    expect(printFailure(true, '')).toBeNull();
    expect(printFailure(false, 'Print job canceled')).toBeNull();
  });

  it('names the reason of a real failure', () => {
    expect(printFailure(false, 'Print job failed')).toBe('printPage: the page could not be printed (Print job failed)');
    expect(printFailure(false, 'Invalid printer settings')).toMatch(/Invalid printer settings/);
    expect(printFailure(false, '')).toMatch(/no reason given/);
  });
});
