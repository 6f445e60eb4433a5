/**
 * Runs core (dist-electron/core.cjs) in a utilityProcess and hands it one MessagePort per
 * window. If core dies unexpectedly it is restarted once; a second death means something
 * is wrong that a restart will not fix (a corrupt database, a missing native module), so it
 * stays down and the UI says so instead of flapping.
 */

/** The part of Electron's UtilityProcess used here (a fake in tests). */
export interface CoreChild {
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown, transfer?: PortLike[]): void;
  kill(): boolean;
}

/** The part of Electron's MessagePortMain used here. */
export interface PortLike {
  close(): void;
}

export interface CoreSupervisorOptions {
  fork(): CoreChild;
  /** How many unexpected exits are answered with a restart over the app's lifetime. */
  maxRestarts?: number;
  /** Core died and a new one is starting; ports handed out before are dead. */
  onRestarting(reason: string): void;
  /** The new core is running; each window needs a new port (call connect again). */
  onRestarted(): void;
  /** Core is down for good. */
  onStopped(reason: string): void;
}

type State = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';

export class CoreSupervisor {
  private child: CoreChild | null = null;
  private state: State = 'idle';
  private restarts = 0;
  /** Ports waiting for the child to spawn: posting to a child not yet running loses them. */
  private waiting: PortLike[] = [];
  private readonly maxRestarts: number;

  constructor(private readonly options: CoreSupervisorOptions) {
    this.maxRestarts = options.maxRestarts ?? 1;
  }

  get isStopped(): boolean {
    return this.state === 'stopped' || this.state === 'stopping';
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.spawn();
  }

  /**
   * Gives core one end of a window's channel. Returns false (and closes the port) when core
   * is down for good, so the caller can tell the window instead of handing it a dead port.
   */
  connect(port: PortLike): boolean {
    if (this.isStopped || this.state === 'idle' || !this.child) {
      port.close();
      return false;
    }
    if (this.state === 'starting') this.waiting.push(port);
    else this.child.postMessage({ type: 'connect' }, [port]);
    return true;
  }

  /** The app is quitting: stop core and do not restart it. */
  stop(): void {
    if (this.isStopped) return;
    this.state = 'stopping';
    this.closeWaiting();
    this.child?.kill();
  }

  private spawn(): void {
    this.state = 'starting';
    const child = this.options.fork();
    this.child = child;
    child.on('spawn', () => {
      if (this.child !== child || this.state !== 'starting') return;
      this.state = 'running';
      const ports = this.waiting;
      this.waiting = [];
      for (const port of ports) child.postMessage({ type: 'connect' }, [port]);
    });
    child.on('exit', (code) => this.exited(child, code));
  }

  private exited(child: CoreChild, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    this.closeWaiting();
    if (this.state === 'stopping') {
      this.state = 'stopped';
      return;
    }
    const reason = `core exited with code ${code}`;
    if (this.restarts >= this.maxRestarts) {
      this.state = 'stopped';
      this.options.onStopped(reason);
      return;
    }
    this.restarts += 1;
    this.options.onRestarting(reason);
    this.spawn();
    this.options.onRestarted();
  }

  private closeWaiting(): void {
    for (const port of this.waiting) port.close();
    this.waiting = [];
  }
}
