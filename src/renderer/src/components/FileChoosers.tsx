/**
 * The system's file and folder choosers, as two hidden inputs opened by the Add buttons (a click
 * on an input the reader cannot see is how a page opens them).
 */
import type { ChangeEvent, RefObject } from 'react';
import { ACCEPTED_FILES, pickedFiles, pickedFromFolder, type PickedFile } from '../import-model';

interface Props {
  /** The input that chooses files. */
  readonly filesRef: RefObject<HTMLInputElement | null>;
  /** The input that chooses a folder. */
  readonly folderRef: RefObject<HTMLInputElement | null>;
  /** Given the files chosen (a folder's as found inside a folder). */
  readonly onChoose: (picked: PickedFile[]) => void;
}

/** Both choosers. */
export function FileChoosers({ filesRef, folderRef, onChoose }: Readonly<Props>) {
  const chosen = (event: ChangeEvent<HTMLInputElement>, inFolder: boolean): void => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Emptied, so that choosing the same files again is a change too.
    input.value = '';
    if (files.length > 0) onChoose(inFolder ? pickedFromFolder(files) : pickedFiles(files));
  };
  return (
    <div hidden>
      <input ref={filesRef} type="file" multiple accept={ACCEPTED_FILES} aria-label="Files to add" tabIndex={-1} onChange={(e) => chosen(e, false)} />
      <input
        ref={(el) => {
          // webkitdirectory is not among React's attributes: set on the element itself.
          if (el) el.webkitdirectory = true;
          folderRef.current = el;
        }}
        type="file"
        multiple
        aria-label="Folder to add"
        tabIndex={-1}
        onChange={(e) => chosen(e, true)}
      />
    </div>
  );
}
