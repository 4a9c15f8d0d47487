/// <reference types="vite/client" />

// `window.quire` (the API bridge) and `window.quireShell` (menu commands) are declared once, next to
// the preload that provides them: src/preload/index.d.ts, typed from src/shared/api.ts and
// src/shared/shell.ts. tsconfig.web.json includes that file, so nothing is redeclared here.
export {};
