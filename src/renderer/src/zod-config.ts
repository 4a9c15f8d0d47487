/**
 * Zod, set up for a page whose Content Security Policy forbids eval: without `jitless`, zod probes
 * for a JIT compiler with `new Function('')` on its first parse, which the policy blocks and
 * reports as a violation. Imported first by main.tsx, before any schema is used.
 */
import { config } from 'zod';

config({ jitless: true });
