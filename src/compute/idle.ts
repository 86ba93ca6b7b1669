// Running work when the page is idle: requestIdleCallback where the browser has it (Safari does
// not; nor do jsdom and Node), else a timer of 0 ms.
type Idle = (f: () => void, opts: { timeout: number }) => number;

export const requestIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (f, opts) => requestIdleCallback(f, opts)
    : (f) => setTimeout(f, 0) as unknown as number;

export const cancelIdle = (id: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id);
