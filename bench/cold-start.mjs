// Cold start: starts the built server jar RUNS times, each on a fresh temporary H2 data directory, and measures the
// time from spawning `java` to the first 200 answer of GET /health/readiness (open to anyone; the store's ping
// included; while the schema is migrated the port already answers, 503). Builds nothing: run `./mvnw -q -DskipTests package`
// first. Prints every run and the median, minimum and maximum, with the server's CPU time (user + system, all
// threads, and the main thread's alone) at that moment, which a busy machine inflates less than the wall time.
//
//   node bench/cold-start.mjs [runs=7] [jar=app/target/chats-server.jar] [--variant 'label::jvm flags[::jar[::java]]' ...]
//
// Without --variant it runs the README's command (with the class-data archive beside the jar when there is one,
// as the README starts it) and, for comparison, the same without the archive. A variant naming a jar of its own (a
// copy of an earlier build, with its archive in the flags) compares two builds; a fourth part names the java
// executable that starts it (another JDK, whose archive that JDK must have made; an empty jar part keeps the jar).
// Variants are run interleaved (A B A B …), so a change of the machine's load hits them alike; their medians' ratio
// is printed.
// After each first 200 it checks the answer is {"status":"UP"} and that a sign-up works (the schema is complete),
// outside the timing. Node 18+, no packages; Linux for the CPU figure (/proc).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const positional = [];
const variants = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--variant') {
    const [label, flags = '', variantJar, variantJava] = process.argv[++i].split('::');
    variants.push({label, flags: flags.split(/\s+/).filter(Boolean), jar: variantJar || undefined,
      java: variantJava || undefined});
  } else {
    positional.push(process.argv[i]);
  }
}
const runs = Number(positional[0] ?? 7);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: node bench/cold-start.mjs [runs=7] [jar] [--variant \'label::jvm flags[::jar[::java]]\' ...]');
}
const jar = positional[1] ?? 'app/target/chats-server.jar';
if (!existsSync(jar)) throw new Error(`${jar} not found: run ./mvnw -q -DskipTests package first`);
const archive = jar.replace(/\.jar$/, '.jsa');
if (variants.length === 0) {
  const readme = readmeJvmFlags(jar);
  if (existsSync(archive)) {
    variants.push({label: 'README command (with archive)', flags: readme});
    const withoutArchive = readme.filter((flag) => !flag.startsWith('-XX:SharedArchiveFile='));
    variants.push({label: 'without archive', flags: withoutArchive});
  } else {
    variants.push({label: 'README command (no archive found)', flags: readme});
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ticksPerSecond = 100; // USER_HZ on Linux

function cpuSeconds(statPath) {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
  } catch {
    return NaN;
  }
}

// The CPU time of the JVM's main thread (the threads named "java": the launcher's, idle, and main's), the start-up's
// critical path apart from what it waits for; other threads (JIT compilers, GC, helpers) run beside it.
function mainThreadCpuSeconds(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`)
        .filter((tid) => readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() === 'java')
        .reduce((sum, tid) => sum + cpuSeconds(`/proc/${pid}/task/${tid}/stat`), 0);
  } catch {
    return NaN;
  }
}

async function firstOk(url, child, deadline) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    if (performance.now() > deadline) throw new Error('no answer within 120 s');
    try {
      const response = await fetch(url, {signal: AbortSignal.timeout(5000)});
      const body = await response.text();
      if (response.status === 200) return body;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
}

async function signUpWorks(base) {
  const response = await fetch(`${base}/api/v1/auths/signup`, {
    method: 'POST', headers: {'content-type': 'application/json'},
    body: JSON.stringify({name: 'Cold', email: 'cold@example.com', password: 'correct horse battery'}),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
}

async function once(variant) {
  const dataDir = mkdtempSync(join(tmpdir(), 'chats-cold-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const started = performance.now();
  const child = spawn(variant.java ?? 'java', [...variant.flags, '-jar', variant.jar ?? jar], {
    env: {...process.env, CHATS_DATA_DIR: dataDir, MICRONAUT_SERVER_PORT: String(port)},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const body = await firstOk(`${base}/health/readiness`, child, started + 120_000);
    const millis = performance.now() - started;
    const cpu = cpuSeconds(`/proc/${child.pid}/stat`);
    const mainCpu = mainThreadCpuSeconds(child.pid);
    if (JSON.parse(body).status !== 'UP') throw new Error(`readiness answered 200 with ${body}`);
    await signUpWorks(base);
    return {millis, cpu, mainCpu};
  } catch (e) {
    throw new Error(`${variant.label}: ${e.message}\n${log}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, {recursive: true, force: true});
    if (/warning|error/i.test(log) && /cds|shared/i.test(log)) {
      console.log(`  (${variant.label}: the JVM said: ${log.split('\n').filter((l) => /cds|shared/i.test(l))[0]})`);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`jar ${jar}, ${runs} runs per variant, load average at start ${load()}`);
const results = variants.map(() => []);
for (let r = 0; r < runs; r++) {
  for (let v = 0; v < variants.length; v++) {
    const result = await once(variants[v]);
    results[v].push(result);
    console.log(`run ${r + 1} ${variants[v].label}: first 200 after ${ms(result.millis)}, ` +
      `server CPU ${result.cpu.toFixed(2)} s (main thread ${result.mainCpu.toFixed(2)} s)`);
  }
}
console.log(`load average at end ${load()}`);
for (let v = 0; v < variants.length; v++) {
  const times = results[v].map((x) => x.millis);
  const cpus = results[v].map((x) => x.cpu);
  const mainCpus = results[v].map((x) => x.mainCpu);
  console.log(`${variants[v].label} [${variants[v].flags.join(' ')}]: median ${ms(median(times))} ` +
    `(min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}), CPU median ${median(cpus).toFixed(2)} s, ` +
    `main thread ${median(mainCpus).toFixed(2)} s`);
}
if (variants.length > 1) {
  const first = median(results[0].map((x) => x.millis));
  for (let v = 1; v < variants.length; v++) {
    const ratio = first / median(results[v].map((x) => x.millis));
    console.log(`${variants[0].label} / ${variants[v].label}: ${ratio.toFixed(2)}`);
  }
}
