/*
 * The packaged service (../../target/quarkus-app/quarkus-run.jar, or ONBOARDING_JAR) as its own
 * process on a free port with a fresh data directory, for the fixture recorder and the browser
 * test (the scaffolder module's test/contract/packagedService.ts does the same for Jest).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const JAR = process.env.ONBOARDING_JAR || path.resolve(__dirname, '..', '..', '..', 'target', 'quarkus-app', 'quarkus-run.jar');

function java() {
  if (process.env.JAVA) return process.env.JAVA;
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Starts the jar with `properties` as -D options; resolves once it listens. */
async function startJar(properties = {}, timeoutMs = 120000) {
  if (!fs.existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it first (./mvnw -B package -DskipTests -Dskip.npm)`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-onboarding-data-'));
  const args = [
    '-Dquarkus.http.port=0',
    '-Dquarkus.http.host=127.0.0.1',
    `-Donboarding.data-dir=${dataDir}`,
    ...Object.entries(properties).map(([k, v]) => `-D${k}=${v}`),
    '-jar',
    JAR,
  ];
  const child = spawn(java(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
    let done = false;
    function fail(why) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`the service ${why}:\n${lines.join('\n')}`));
    }
    let buffered = '';
    const read = chunk => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop();
      for (const line of complete) {
        lines.push(line);
        const match = /Listening on: http:\/\/[^:]+:(\d+)/.exec(line);
        if (match && !done) {
          done = true;
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', error => fail(`could not be started (${error.message})`));
    child.once('exit', code => fail(`exited with ${code}`));
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(done => child.once('exit', done));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { startJar, JAR };
