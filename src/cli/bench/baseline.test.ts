import { describe, expect, it } from 'vitest';
import { ScanBaseline } from './baseline';

describe('ScanBaseline', () => {
  const scan = new ScanBaseline(['Dry mouth at night', 'Sleep and BACLOFEN', 'Muscle cramps']);

  it('finds passages containing any typed word as a substring, ignoring case', () => {
    expect(scan.search('MOU')).toEqual([0]);
    expect(scan.search('baclo cramp')).toEqual([1, 2]);
    expect(scan.search('a')).toEqual([0, 1, 2]);
  });

  it('finds nothing for blank text or absent words', () => {
    expect(scan.search('  ')).toEqual([]);
    expect(scan.search('zzz')).toEqual([]);
  });
});
