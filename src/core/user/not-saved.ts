/**
 * What a person is told when a change to their data could not be saved, the same way for every
 * file Quire keeps (the store, the reader's library): what could not be done, why, in the
 * disk's words, and that nothing changed.
 */
import { saveErrorOf } from './durable-file';
import { LockTimeoutError } from './file-lock';

/**
 * The sentence for a change that could not be saved.
 *
 * @param action what was being done, to finish "Quire could not …" ("save your note")
 * @param folder the folder whose write failed
 * @param busy why, when another process held the lock too long ("another Quire window … kept your saved data busy")
 * @example notSavedMessage('add your articles', enospc, dir, busy) // 'Quire could not add your articles: the disk is full. Nothing was changed; try again.'
 */
export function notSavedMessage(action: string, e: unknown, folder: string, busy: string): string {
  const reason = e instanceof LockTimeoutError ? busy : saveErrorOf(e, folder).reason;
  return `Quire could not ${action}: ${reason}. Nothing was changed; try again.`;
}
