// A real nginx (the Debian package) in front of server nodes, as docs/deploy.md describes it:
// its own prefix and configuration in a temp dir, loopback ports, no root needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
  /** The access log so far (one JSON object per line, the format docs/deploy.md uses). */
  accessLog(): string;
}

/** The proxy part of docs/deploy.md's configuration, without TLS (the test speaks plain HTTP). */
export function proxyConfig(dir: string, port: number, upstreams: readonly number[]): string {
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format schouw escape=json '{"time":"$time_iso8601","remote":"$remote_addr",'
    '"request":"$request","status":$status,"bytes":$body_bytes_sent,'
    '"upstream":"$upstream_addr","duration":$request_time}';
  access_log ${dir}/access.log schouw;
  upstream schouw {
    ${upstreams.map((upstream) => `server 127.0.0.1:${upstream};`).join('\n    ')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 3g;
    location / {
      proxy_pass http://schouw;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
      proxy_read_timeout 300s;
      # Which node answered: the two-node test checks that reads cross nodes.
      add_header X-Schouw-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Starts nginx; throws (never skips) when the Debian package is not installed. */
export async function startNginx(
  dir: string,
  port: number,
  upstreams: readonly number[],
): Promise<RunningNginx> {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx ontbreekt (${NGINX} not found): installeer het met "apt-get install nginx-light" ` +
        `(.ci/run doet dat op een kale machine); de two-node test heeft een echte nginx nodig`,
    );
  }
  mkdirSync(dir, { recursive: true });
  // nginx's workers run as "nobody" when started as root: they must reach the temp paths.
  chmodSync(dir, 0o755);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, proxyConfig(dir, port, upstreams));
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx stopte direct (exited): ${output}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch (error) {
      if (attempt > 200)
        throw new Error(`nginx answers nothing on ${url}: ${output}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    accessLog: () => {
      const file = path.join(dir, 'access.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
