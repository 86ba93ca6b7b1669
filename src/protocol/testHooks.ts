// Hooks for the end-to-end tests (a handle on the store, a way to crash a worker) exist only in the
// build made with `vite build --mode e2e`. Vite replaces `import.meta.env.MODE` by a string literal,
// so in the product build the guarded code is constant-false and dropped from the bundle.
export const TEST_HOOKS: boolean = import.meta.env.MODE === 'e2e';
