/**
 * Adding the reader's files to their library: the upload and the progress, as state to show.
 *
 * The files go to the engine in batches ({@link planBatches}), each read from the disk only as it
 * is sent, so that a thousand files are never in memory at once; each batch waits for the
 * engine's answer, which comes only once there is room in its queue. Meanwhile the progress is
 * asked for every {@link POLL_MS}, until the import is over and every file has its outcome.
 * One import at a time: {@link ImportState.add} refuses more files while one runs.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorLines, type ApiError } from '../../../shared/api';
import type { ImportFile, ImportFileOutcome, ImportProgress } from '../../../shared/user-library';
import { MAX_IMPORT_FILES } from '../../../shared/user-library';
import { getApi, toApiError } from '../api';
import { isRetryable } from '../bookmark-changes';
import {
  countOutcomes,
  filesToSend,
  isSettled,
  planBatches,
  safeFileName,
  startAnnouncement,
  summaryText,
  toBase64,
  tooLarge,
  type PickedFile,
} from '../import-model';

/** How often the progress is asked for, in ms. */
export const POLL_MS = 250;
/** Progress calls that may fail in a row before the import is reported as lost. */
const POLL_FAILURES = 8;
/** Least time between listings of the library while articles land during an import, in ms. */
export const LIST_EVERY_MS = 3000;

/** What the import shows. */
export type ImportView =
  | { readonly phase: 'idle' }
  /** Files are being gathered (a dropped folder walked) before the import starts. */
  | { readonly phase: 'finding' }
  | {
      readonly phase: 'running';
      /** Files being added (those not sent, too large or unreadable, left out). */
      readonly total: number;
      /** Files finished, whatever became of them. */
      readonly done: number;
      /** The file being read now. */
      readonly current?: string;
      readonly secondsLeft?: number;
      /** Cancel was pressed; the import is stopping. */
      readonly cancelling: boolean;
    }
  | {
      readonly phase: 'finished';
      /** Whether it was cancelled before every file was added. */
      readonly cancelled: boolean;
      /** Every file's outcome: the engine's, then those of files that were not sent. */
      readonly outcomes: readonly ImportFileOutcome[];
    }
  | {
      readonly phase: 'failed';
      /** What went wrong, for a person. */
      readonly message: string;
      /** The technical detail, if any. */
      readonly detail: string;
      /** Whether sending again may work. */
      readonly canRetry: boolean;
      /** The outcomes of the files done before it failed. */
      readonly outcomes: readonly ImportFileOutcome[];
    };

/** What {@link useImport} gives. */
export interface ImportState {
  readonly view: ImportView;
  /**
   * What screen readers are told: the start of an import and its end, not every step. A new
   * `seq` for each, so that the same words are spoken again.
   */
  readonly announcement: { readonly seq: number; readonly text: string } | undefined;
  /** Whether an import is being gathered, sent or added (more files are refused meanwhile). */
  readonly busy: boolean;
  /**
   * Add files: those picked by themselves whatever their kind, those of folders when Quire reads
   * their kind. Resolves false (adding nothing) while another import runs.
   *
   * @param unreadable names of what could not be read from the disk while the files were gathered
   */
  readonly add: (picked: readonly PickedFile[], unreadable?: readonly string[]) => boolean;
  /** Show that files are being gathered (a dropped folder walked); `add` follows. */
  readonly finding: () => boolean;
  /** Stop the import: the files not yet added are left out, those added stay. */
  readonly cancel: () => void;
  /** Send again what failed to go. */
  readonly retry: () => void;
  /** Put the summary or the failure away (an import that failed half way is stopped). */
  readonly dismiss: () => void;
}

/** One import, as the uploader works through it. */
interface Job {
  /** The files to send, in order. */
  readonly files: readonly File[];
  readonly batches: readonly (readonly number[])[];
  /** Outcomes decided here: files too large or unreadable. */
  readonly local: ImportFileOutcome[];
  /** The batch to send next. */
  next: number;
  /** The engine's id, once started. */
  id?: string;
  /** Files sent. */
  sent: number;
  /** Every batch has been sent (or the upload stopped for a cancel). */
  uploaded: boolean;
  cancelled: boolean;
  /** Cancelled by this hook because some files could not be read and the rest are done. */
  closedShort: boolean;
  /** The engine's last word. */
  progress?: ImportProgress;
  pollFailures: number;
  /** Whether an upload (startImport and batches) is running now. */
  uploading: boolean;
  /** Stopped by a failure shown to the reader: nothing more is sent or shown until Retry. */
  failed: boolean;
  /** Articles added or updated when the library was last listed during the import, and when. */
  listed: { count: number; at: number };
}

const IDLE: ImportView = { phase: 'idle' };

/** A message that is only the technical line of one of the import calls. */
const TECHNICAL = /^(startImport|addImportFiles|importProgress|cancelImport): /;

/** Why a file could not be read from the disk. */
const UNREADABLE = 'it could not be read from your disk (it may have been moved, or Quire may not be allowed to open it)';

/** A file read and encoded for a batch. */
async function encode(file: File): Promise<ImportFile> {
  return { name: safeFileName(file.name), data: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

/**
 * The import's state and what can be done with it.
 *
 * @param onChanged called when the library changed: as articles land during a long import (at
 *   most every {@link LIST_EVERY_MS}), and once it is over (to list the library again)
 * @example const importer = useImport(refreshLibrary); importer.add(pickedFiles(input.files));
 */
export function useImport(onChanged: () => void): ImportState {
  const [view, setView] = useState<ImportView>(IDLE);
  const [announcement, setAnnouncement] = useState<ImportState['announcement']>();
  const job = useRef<Job | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const polling = useRef(false);
  const seq = useRef(0);
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  }, [onChanged]);

  const announce = useCallback((text: string) => setAnnouncement({ seq: ++seq.current, text }), []);
  const stopPolling = useCallback(() => {
    if (timer.current !== undefined) clearInterval(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => stopPolling, [stopPolling]);

  /** Show the engine's progress of the current import. */
  const show = useCallback((current: Job) => {
    if (current.failed) return;
    const p = current.progress;
    setView({
      phase: 'running',
      total: current.files.length,
      done: p?.done ?? 0,
      ...(p?.current !== undefined ? { current: p.current } : {}),
      ...(p?.secondsLeft !== undefined ? { secondsLeft: p.secondsLeft } : {}),
      cancelling: current.cancelled && !current.closedShort,
    });
  }, []);

  const finish = useCallback(
    (current: Job) => {
      stopPolling();
      const cancelled = current.cancelled && !current.closedShort;
      // Files never sent because of the cancel are left out too.
      const unsent: ImportFileOutcome[] = cancelled
        ? current.batches.slice(current.next).flatMap((batch) => batch.flatMap((i) => (current.files[i] ? [{ name: current.files[i].name, status: 'cancelled' as const }] : [])))
        : [];
      const outcomes = [...(current.progress?.outcomes ?? []), ...current.local, ...unsent];
      setView({ phase: 'finished', cancelled, outcomes });
      announce(`${cancelled ? 'Adding cancelled. ' : 'Done adding files. '}${summaryFor(outcomes)}`);
      changed.current();
    },
    [announce, stopPolling],
  );

  const fail = useCallback(
    (current: Job, error: ApiError, what: string) => {
      stopPolling();
      current.failed = true;
      const lines = errorLines(error.message);
      // The host's own technical line ("addImportFiles: …") is the detail under what happened; a
      // sentence for the reader (a full disk, a host out of reach) is said as it is.
      const technical = TECHNICAL.test(lines.text);
      const message = technical ? `${what}.` : error.code === 'not-saved' ? lines.text : `${what}: ${lines.text.replace(/\.$/, '')}.`;
      const detail = technical ? [lines.text, lines.detail].filter(Boolean).join('\n') : lines.detail;
      setView({
        phase: 'failed',
        message,
        detail,
        canRetry: isRetryable(error),
        outcomes: [...(current.progress?.outcomes ?? []), ...current.local],
      });
      announce(`Adding files stopped. ${message}`);
    },
    [announce, stopPolling],
  );

  /** Ask how far the import is; end it once it is settled. */
  const poll = useCallback(async () => {
    const current = job.current;
    if (!current?.id || polling.current) return;
    polling.current = true;
    try {
      const progress = await getApi().importProgress(current.id);
      if (job.current !== current) return;
      current.progress = progress;
      current.pollFailures = 0;
      // Over once settled and nothing more is on its way (a batch sent as Cancel was pressed is
      // answered, its files left out, after the cancel).
      if (isSettled(progress) && !current.uploading) {
        finish(current);
        return;
      }
      // Files that could not be read were never sent: once the rest are done, the import that
      // still waits for them is closed (nothing is left in its queue to be dropped).
      if (progress.state === 'running' && current.uploaded && current.sent < current.files.length && progress.done >= progress.received && !current.closedShort) {
        current.closedShort = true;
        current.cancelled = true;
        current.progress = await getApi().cancelImport(current.id);
        if (isSettled(current.progress)) {
          finish(current);
          return;
        }
      }
      show(current);
      // A long import's articles join the list as they land, a few seconds at a time.
      const landed = progress.outcomes.filter((o) => o.status === 'added' || o.status === 'updated').length;
      if (landed > current.listed.count && performance.now() - current.listed.at >= LIST_EVERY_MS) {
        current.listed = { count: landed, at: performance.now() };
        changed.current();
      }
    } catch (e) {
      if (job.current !== current) return;
      const error = toApiError(e);
      // A late call about an import the engine no longer knows (a restarted host) will not come right.
      if (error.code === 'not-found' || ++current.pollFailures >= POLL_FAILURES) fail(current, error, 'Quire lost track of the files being added');
    } finally {
      polling.current = false;
    }
  }, [finish, fail, show]);

  const startPolling = useCallback(() => {
    stopPolling();
    timer.current = setInterval(() => void poll(), POLL_MS);
  }, [poll, stopPolling]);

  /** Start the import (unless started) and send its batches, from the next one on. */
  const upload = useCallback(
    async (current: Job) => {
      const api = getApi();
      current.uploading = true;
      let what = 'The files could not be sent';
      try {
        if (current.id === undefined) {
          what = 'Adding could not start';
          const started = await api.startImport(current.files.length);
          current.id = started.id;
          current.progress = started;
          if (current.cancelled) current.progress = await api.cancelImport(started.id);
        }
        startPolling();
        what = 'The files could not be sent';
        while (current.next < current.batches.length && !current.cancelled && !current.failed) {
          const indexes = current.batches[current.next] ?? [];
          const batch: ImportFile[] = [];
          const unreadable: ImportFileOutcome[] = [];
          for (const i of indexes) {
            const file = current.files[i];
            if (!file) continue;
            try {
              batch.push(await encode(file));
            } catch {
              unreadable.push({ name: file.name, status: 'failed', reason: UNREADABLE });
            }
          }
          if (current.cancelled) break;
          if (batch.length > 0) current.progress = await api.addImportFiles(current.id, batch);
          // Recorded once the batch went, so that a Retry of it does not list them twice.
          current.local.push(...unreadable);
          current.sent += batch.length;
          current.next++;
          if (job.current === current && !current.cancelled) show(current);
        }
        current.uploading = false;
        // Stopped by a failure of the progress calls: Retry goes on from the next batch.
        if (current.failed) return;
        current.uploaded = true;
        void poll();
      } catch (e) {
        current.uploading = false;
        if (job.current === current) fail(current, toApiError(e), what);
      }
    },
    [fail, poll, show, startPolling],
  );

  const busy = view.phase === 'running' || view.phase === 'finding';

  const finding = useCallback((): boolean => {
    if (busy) return false;
    setView({ phase: 'finding' });
    return true;
  }, [busy]);

  const add = useCallback(
    (picked: readonly PickedFile[], unreadable: readonly string[] = []): boolean => {
      if (view.phase === 'running') return false;
      // A summary or failure showing is replaced; an import that failed half way is stopped first.
      const previous = job.current;
      if (previous?.id !== undefined && previous.progress?.state === 'running') void getApi().cancelImport(previous.id).catch(() => undefined);
      stopPolling();
      const local: ImportFileOutcome[] = unreadable.map((name) => ({ name, status: 'failed', reason: UNREADABLE }));
      const files: File[] = [];
      for (const file of filesToSend(picked)) {
        const reason = tooLarge(file.size);
        if (reason) local.push({ name: file.name, status: 'failed', reason });
        else files.push(file);
      }
      if (files.length > MAX_IMPORT_FILES) {
        const text = `That is ${files.length.toLocaleString('en-GB')} files: Quire adds at most ${MAX_IMPORT_FILES.toLocaleString('en-GB')} at a time. Add the folders one by one.`;
        setView({ phase: 'failed', message: text, detail: '', canRetry: false, outcomes: [] });
        announce(text);
        return true;
      }
      const next: Job = {
        files,
        batches: planBatches(files.map((f) => f.size)),
        local,
        next: 0,
        sent: 0,
        uploaded: false,
        cancelled: false,
        closedShort: false,
        pollFailures: 0,
        uploading: false,
        failed: false,
        listed: { count: 0, at: performance.now() },
      };
      job.current = next;
      if (files.length === 0) {
        setView({ phase: 'finished', cancelled: false, outcomes: local });
        announce(local.length > 0 ? summaryFor(local) : NOTHING_TO_ADD);
        return true;
      }
      announce(startAnnouncement(files.length));
      show(next);
      void upload(next);
      return true;
    },
    [view.phase, announce, show, upload, stopPolling],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current || current.cancelled) return;
    current.cancelled = true;
    show(current);
    if (current.id === undefined) return;
    getApi()
      .cancelImport(current.id)
      .then(
        (progress) => {
          current.progress = progress;
          void poll();
        },
        // The next progress call says how it went.
        () => undefined,
      );
  }, [poll, show]);

  const retry = useCallback(() => {
    const current = job.current;
    if (!current || view.phase !== 'failed' || !view.canRetry) return;
    announce('Trying again.');
    current.failed = false;
    current.pollFailures = 0;
    show(current);
    // An upload still under way when the progress calls failed goes on by itself; one that
    // stopped starts again from the batch that did not go.
    if (current.uploaded || current.uploading) startPolling();
    else void upload(current);
  }, [view, announce, show, startPolling, upload]);

  const dismiss = useCallback(() => {
    const current = job.current;
    stopPolling();
    // An import left half sent would wait for its other files: stop it.
    if (current?.id !== undefined && current.progress?.state === 'running') void getApi().cancelImport(current.id).catch(() => undefined);
    const hadAdded = view.phase === 'failed' && view.outcomes.some((o) => o.status === 'added' || o.status === 'updated');
    job.current = undefined;
    setView(IDLE);
    if (hadAdded) changed.current();
  }, [view, stopPolling]);

  return useMemo(
    () => ({ view, announcement, busy, add, finding, cancel, retry, dismiss }),
    [view, announcement, busy, add, finding, cancel, retry, dismiss],
  );
}

/** What is said when a drop or a folder held nothing Quire reads. */
export const NOTHING_TO_ADD = 'Nothing to add: no Markdown, text, web page or EPUB files were found.';

/** The summary line, for the announcement. */
function summaryFor(outcomes: readonly ImportFileOutcome[]): string {
  return `${summaryText(countOutcomes(outcomes))}.`;
}
