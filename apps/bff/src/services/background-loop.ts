import { EventEmitter } from 'node:events';

/** A background worker of a BFF process (the mail and push senders, the notification scheduler). */
export interface BackgroundWorker<RunResult> {
  start(): void;
  /** Stops its loop and waits for a run in progress. */
  stop(): Promise<void>;
  /** One pass; what the loop runs. */
  runOnce(): Promise<RunResult>;
}

/**
 * The loop each background worker of a BFF process runs (the mail and push senders, the
 * notification scheduler): one run at a time; the next `intervalMs` after a run ends, or at
 * once when the run says more is waiting or `wakeUp` fires meanwhile (an outbox row committed).
 * A failed run is reported and the loop goes on.
 */
export function backgroundLoop(options: {
  run: () => Promise<{ more: boolean }>;
  intervalMs: number;
  onError: (error: Error) => void;
  /** Subscribes to "something was queued"; returns the unsubscribe. */
  wakeUp?: (listener: () => void) => () => void;
  /** The first run on the next turn of the event loop, not during `start()` (the server listens meanwhile). */
  deferFirstRun?: boolean;
}) {
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let unsubscribe: (() => void) | undefined;

  function tick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = options
      .run()
      .then((result) => {
        if (result.more) again = true;
      })
      .catch(options.onError)
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          tick();
        } else {
          timer = setTimeout(tick, options.intervalMs);
          timer.unref();
        }
      });
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      unsubscribe = options.wakeUp?.(tick);
      if (options.deferFirstRun) {
        timer = setTimeout(tick, 0);
        timer.unref();
      } else tick();
    },
    /** Stops the timer and waits for a run in progress. */
    async stop(): Promise<void> {
      stopped = true;
      unsubscribe?.();
      clearTimeout(timer);
      await running;
    },
  };
}

/** "Something was queued" within this process: a committed outbox row wakes its loop at once. */
export function queuedSignal() {
  const queued = new EventEmitter();
  queued.setMaxListeners(0);
  return {
    notify: (): void => {
      queued.emit('queued');
    },
    on: (listener: () => void): (() => void) => {
      queued.on('queued', listener);
      return () => queued.off('queued', listener);
    },
  };
}
