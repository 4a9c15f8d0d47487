/**
 * The reading settings: loaded from the host at start, applied to the page, and saved on change.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../../shared/bookmarks';
import { getApi } from '../api';

/** The text sizes offered, in percent; each has a rule in styles/reading.css. */
export const FONT_SIZES = [75, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200] as const;

/** The offered size nearest to `size`. */
export function nearestFontSize(size: number): number {
  return FONT_SIZES.reduce((best, s) => (Math.abs(s - size) < Math.abs(best - size) ? s : best), 100);
}

/**
 * Put the settings on `<html>` as data attributes, which the stylesheets read (tokens.css for the
 * theme, reading.css for the rest).
 */
function apply(settings: ReaderSettings): void {
  const root = document.documentElement.dataset;
  root.theme = settings.theme;
  root.lineWidth = settings.lineWidth;
  root.fontSize = String(nearestFontSize(settings.fontSize));
  root.fontFamily = settings.fontFamily;
  root.lineSpacing = settings.lineSpacing;
  root.margins = settings.margins;
}

/** What {@link useSettings} gives. */
export interface SettingsState {
  readonly settings: ReaderSettings;
  /** Change some settings (applied at once, then saved). */
  readonly update: (patch: Partial<ReaderSettings>) => void;
}

/**
 * The reading settings, applied to the page.
 *
 * @example const { settings, update } = useSettings(); update({ theme: 'dark' });
 */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<ReaderSettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    getApi()
      .getSettings()
      .then(
        (s) => {
          if (live) setSettings(s);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => apply(settings), [settings]);
  const update = useCallback((patch: Partial<ReaderSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    getApi()
      .updateSettings(patch)
      .then(setSettings, () => undefined);
  }, []);
  return { settings, update };
}
