/**
 * The ways the reader adds files, all leading to one import: the Add buttons (the hidden file and
 * folder choosers), Ctrl/Cmd+O, File › Add Articles… (its small dialog), and files or folders
 * dropped on the window.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { walkDrop, type DropSource, type PickedFile } from '../import-model';
import { useFileDrop } from './useFileDrop';
import { useHotkey } from './useHotkey';
import type { ImportState } from './useImport';
import { useMenuCommand } from './useMenuCommand';

/** What is said when files come while others are still being added. */
export const BUSY_TEXT = 'Quire is still adding files. Add more once it is done, or cancel it first.';

/** What {@link useAddArticles} gives. */
export interface AddArticlesState {
  /** The hidden file chooser. */
  readonly filesInput: RefObject<HTMLInputElement | null>;
  /** The hidden folder chooser. */
  readonly folderInput: RefObject<HTMLInputElement | null>;
  /** Open the file chooser (in answer to a click or key press). */
  readonly chooseFiles: () => void;
  /** Open the folder chooser (in answer to a click or key press). */
  readonly chooseFolder: () => void;
  /** The choosers' answer. */
  readonly chosen: (picked: PickedFile[]) => void;
  /** Whether files are being dragged over the window. */
  readonly dragging: boolean;
  /** Whether the menu's dialog shows. */
  readonly dialogOpen: boolean;
  readonly closeDialog: () => void;
}

/**
 * Wire the ways of adding files to an import.
 *
 * @param importer the import they lead to
 * @param onRefused told why files were not taken (one import at a time)
 * @param onStart told when files are taken (to close the library drawer, where the progress would be hidden)
 */
export function useAddArticles(importer: ImportState, onRefused: (text: string) => void, onStart: () => void): AddArticlesState {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const { busy, add, finding } = importer;

  const open = useCallback(
    (input: RefObject<HTMLInputElement | null>) => {
      if (busy) onRefused(BUSY_TEXT);
      else input.current?.click();
    },
    [busy, onRefused],
  );
  const chooseFiles = useCallback(() => open(filesInput), [open]);
  const chooseFolder = useCallback(() => open(folderInput), [open]);
  const chosen = useCallback(
    (picked: PickedFile[]) => {
      if (!add(picked)) onRefused(BUSY_TEXT);
      else onStart();
    },
    [add, onRefused, onStart],
  );
  const dropped = useCallback(
    (sources: DropSource[]) => {
      if (sources.length === 0) return;
      if (!finding()) {
        onRefused(BUSY_TEXT);
        return;
      }
      onStart();
      void walkDrop(sources).then(({ picked, unreadable }) => add(picked, unreadable));
    },
    [add, finding, onRefused, onStart],
  );
  const dragging = useFileDrop(dropped);
  // A key press is a user gesture: the chooser opens at once. (In the desktop app the menu's
  // accelerator may take Ctrl/Cmd+O first, and opens the dialog below.)
  useHotkey('o', chooseFiles);
  useMenuCommand('add-articles', () => setDialogOpen(true));
  const closeDialog = useCallback(() => setDialogOpen(false), []);

  return { filesInput, folderInput, chooseFiles, chooseFolder, chosen, dragging, dialogOpen, closeDialog };
}
