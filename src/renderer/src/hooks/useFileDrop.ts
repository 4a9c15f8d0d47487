/**
 * Files and folders dragged onto the window from the system: whether some are over it now (to
 * show where they can go), and what was dropped.
 *
 * Only a drag that carries files counts (`dataTransfer.types` has 'Files'): text or a selection
 * dragged inside the app, or from another app, is left to the browser as ever.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { dropSources, type DropItem, type DropSource } from '../import-model';

/** Whether a drag event carries files from the system. */
export function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Watch the window for files dragged over it and dropped.
 *
 * @param onDrop given what was dropped, taken while the drop event is handled (a DataTransfer's
 *   items cannot be read after it); walk it with `walkDrop`
 * @returns whether files are being dragged over the window now
 * @example const dragging = useFileDrop((sources) => void walkDrop(sources).then(add));
 */
export function useFileDrop(onDrop: (sources: DropSource[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const dropped = useEffectEvent(onDrop);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them, so that moving from one
    // element to another inside the window keeps the overlay up.
    let depth = 0;
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      // Without this the browser would not offer the drop, and would open the file itself.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      // Leaving the window itself (nothing under the pointer any more) ends it whatever the count.
      if (depth === 0 || event.relatedTarget === null) {
        depth = 0;
        setDragging(false);
      }
    };
    const onDropEvent = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const items = event.dataTransfer?.items;
      if (items) dropped(dropSources(items as unknown as ArrayLike<DropItem>));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDropEvent);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDropEvent);
    };
  }, []);
  return dragging;
}
