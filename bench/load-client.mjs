// Load generator for bench/parts/server.ts, run as its own process so the server's event loop is not shared
// with the client. Usage: node bench/load-client.mjs URL TOKEN SECONDS CONNECTIONS → one JSON line.
import autocannon from 'autocannon';

const [url, token, seconds = '8', connections = '10'] = process.argv.slice(2);
const latencies = [];
const instance = autocannon(
  { url, duration: Number(seconds), connections: Number(connections), headers: token ? { authorization: `Bearer ${token}` } : {} },
  (err, result) => {
    if (err) {
      console.log(JSON.stringify({ error: String(err) }));
      return;
    }
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    console.log(
      JSON.stringify({
        rps: result.requests.average,
        requests: result.requests.total,
        p50: pct(50),
        p95: pct(95),
        p99: pct(99),
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      }),
    );
  },
);
// per-request latency in ms, so p95 is exact rather than autocannon's fixed percentile set
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
