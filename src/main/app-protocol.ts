/**
 * The `app://quire/` protocol: the built renderer served from its folder, as src/core/shell/app-protocol.ts
 * decides, with the CSP header on every answer.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { answerAppRequest, APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../core/shell/app-protocol';

/** Register the app scheme as standard and secure; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * Serve `root` (the built renderer) on the app scheme of a session.
 *
 * @param log where refusals are reported
 */
export function serveApp(session: Session, root: string, log: (message: string) => void = console.error): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request.url, request.method, root);
    if (answer.reason) log(`quire: ${answer.reason}`);
    const body = answer.file && request.method === 'GET' ? await readFile(answer.file) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
