// Apostil's analysis worker (a module worker, started by the page for long articles).
//
// It runs the page's OWN wasm: the same hashed glue and wasm files the page loaded, so the
// browser and the service worker fetch and keep them once. `scripts/postbuild.py` (a Trunk
// post_build hook) replaces the two placeholders below with this build's file names. Loading
// the wasm runs its start function, which sees it is in a worker and mounts nothing; then
// `apostil_worker_start` listens for requests (src/worker.rs has the protocol).
import init, { apostil_worker_start } from '__APOSTIL_GLUE__';

await init({ module_or_path: new URL('__APOSTIL_WASM__', import.meta.url) });
apostil_worker_start();
