import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The jar `./mvnw package` builds; ONBOARDING_JAR overrides it. */
export const JAR = process.env.ONBOARDING_JAR ?? resolve(__dirname, '..', '..', '..', 'target', 'quarkus-app', 'quarkus-run.jar');

const LISTENING = /Listening on: http:\/\/[^:]+:(\d+)/;

/**
 * The packaged service run as its own process on a free port, on its embedded default (sample
 * platform-next and metrics-catalog repositories created in a fresh data directory), as
 * src/test/java/com/company/onboarding/testing/PackagedService.java runs it for the Java tests.
 */
export class PackagedService {
  private readonly output: string[] = [];

  private constructor(
    private readonly process: ChildProcess,
    readonly dataDir: string,
    readonly baseUrl: string,
  ) {}

  /** Starts the jar with `properties` as -D system properties and waits until it listens. */
  static async start(properties: Record<string, string> = {}, timeoutMs = 120_000): Promise<PackagedService> {
    if (!existsSync(JAR)) {
      throw new Error(`${JAR} is missing: build it first (./mvnw -B package -DskipTests, or ./mvnw -B verify runs these tests after package)`);
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'monitoring-onboarding-data-'));
    const args = [
      '-Dquarkus.http.port=0',
      '-Dquarkus.http.host=127.0.0.1',
      `-Donboarding.data-dir=${dataDir}`,
      ...Object.entries(properties).map(([k, v]) => `-D${k}=${v}`),
      '-jar',
      JAR,
    ];
    const child = spawn(java(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const port = await new Promise<number>((resolvePort, reject) => {
      let settled = false;
      const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
        reject(new Error(`the service ${why}:\n${lines.join('\n')}`));
      };
      let buffered = '';
      const read = (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete) {
          lines.push(line);
          const match = LISTENING.exec(line);
          if (match && !settled) {
            settled = true;
            clearTimeout(timer);
            resolvePort(Number(match[1]));
          }
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('error', error => fail(`could not be started (${error.message})`));
      child.once('exit', code => fail(`exited with ${code}`));
    });
    const service = new PackagedService(child, dataDir, `http://127.0.0.1:${port}`);
    service.output.push(...lines);
    child.stdout!.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    return service;
  }

  /** The embedded platform-next, a bare repository the service pushes onboarding branches to. */
  get platformNext(): string {
    return join(this.dataDir, 'repos', 'platform-next.git');
  }

  log(): string {
    return this.output.join('\n');
  }

  /** Stops the process (TERM, then KILL after 10 s) and removes its data directory. */
  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise<void>(done => this.process.once('exit', () => done()));
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The java that Maven runs with (JAVA, set by the pom), else JAVA_HOME's, else the one on PATH. */
function java(): string {
  if (process.env.JAVA) {
    return process.env.JAVA;
  }
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}
