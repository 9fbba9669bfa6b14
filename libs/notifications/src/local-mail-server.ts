import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A message as maildev's REST API (`GET /email`) describes it. */
export type DeliveredMail = {
  id: string;
  messageId: string;
  subject: string;
  text?: string;
  html?: string;
  to: { address: string; name: string }[];
  headers: Record<string, string>;
  attachments?: { contentType: string; fileName?: string; generatedFileName?: string }[];
};

/**
 * maildev (a real SMTP server with a web page and a REST API) as a child process on the given
 * ports, its mailbox kept in a directory so that a stopped and restarted server still lists what
 * it had received. The demo, the specs and the benchmark start it; the specs read what was
 * delivered from `GET /email` — never a mock transport.
 */
export class LocalMailServer {
  private child?: ChildProcess;
  readonly dir: string;

  constructor(
    readonly smtpPort: number,
    readonly webPort: number,
    dir?: string,
  ) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'nastavnik-maildev-'));
  }

  get webUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  async start(): Promise<void> {
    const bin = require.resolve('maildev/bin/maildev');
    this.child = spawn(process.execPath, [bin, '--smtp', String(this.smtpPort), '--web', String(this.webPort), '--ip', '127.0.0.1', '--mail-directory', this.dir, '--silent'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`maildev exited with ${this.child.exitCode}`);
      try {
        const response = await fetch(`${this.webUrl}/healthz`);
        if (response.ok) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('maildev did not start in 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Stops the server; the mailbox directory stays. SIGTERM is an administrator's stop: maildev stops
   * listening at once (new connections are refused), lets the transactions under way finish and
   * exits; SIGKILL is a crash.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  }

  async messages(): Promise<DeliveredMail[]> {
    const response = await fetch(`${this.webUrl}/email`);
    if (!response.ok) throw new Error(`maildev GET /email: ${response.status}`);
    // A message still being received is listed without its headers parsed: only complete ones count.
    return ((await response.json()) as DeliveredMail[]).filter((mail) => Array.isArray(mail.to) && typeof mail.messageId === 'string');
  }

  async source(id: string): Promise<string> {
    const response = await fetch(`${this.webUrl}/email/${encodeURIComponent(id)}/source`);
    return response.text();
  }

  async clear(): Promise<void> {
    await fetch(`${this.webUrl}/email/all`, { method: 'DELETE' });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
