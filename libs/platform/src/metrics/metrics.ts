import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Seconds: from a cached list page (a few ms) to a report's rendering (tens of seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * A label value from outside (a GraphQL operation name, a route) becomes a time series: an
 * attacker sending a million names would make a million series. Names must look like names,
 * and past `MAX_LABEL_VALUES` distinct ones the rest count as `other`.
 */
const MAX_LABEL_VALUES = 300;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A gauge whose value is read when Prometheus scrapes (a queue's counts, a lag). */
export type ScrapedGauge = { name: string; help: string; labelNames: readonly string[]; collect: () => Promise<{ labels: Record<string, string>; value: number }[]> };

/**
 * The process's Prometheus metrics (issue 15), on a port of its own (`METRICS_PORT` for the API,
 * `WORKER_METRICS_PORT` for the worker) so that `/metrics` is never reachable where the API is
 * published. One registry per application instance, so that specs running several apps in one
 * process do not share series.
 */
@Injectable()
export class Metrics implements OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly logger = new Logger('metrics');
  private readonly knownOperations = new Set<string>();
  private server?: Server;

  readonly httpDuration = new Histogram({
    name: 'nastavnik_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'nastavnik_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name (anonymous ones by their first field) and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'nastavnik_errors_total',
    help: 'Errors answered, by code (GraphQL extensions.code, REST code) and GraphQL operation (or method and route when refused before parsing)',
    labelNames: ['code', 'operation'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'nastavnik_job_duration_seconds',
    help: 'Jobs run by this process, by queue, job name and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    // The process's memory, CPU, event-loop lag and handles (prom-client's defaults, our prefix).
    collectDefaultMetrics({ register: this.registry, prefix: 'nastavnik_' });
    // TypeORM types the driver's pool as `any`: narrowed to pg's Pool (no replication here, so `master` is the one pool).
    const pool = (): Pool | undefined => {
      const driver = dataSource.driver;
      return driver instanceof PostgresDriver && driver.master instanceof Pool ? driver.master : undefined;
    };
    new Gauge({
      name: 'nastavnik_pg_pool_connections',
      help: "The app role's connection pool: connections in use, idle, and callers waiting for one",
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
  }

  /** A bounded label for an operation name from outside. */
  operationLabel(name: string | undefined | null): string {
    if (!name || !NAME.test(name)) return 'anonymous';
    if (this.knownOperations.has(name)) return name;
    if (this.knownOperations.size >= MAX_LABEL_VALUES) return 'other';
    this.knownOperations.add(name);
    return name;
  }

  /** Adds a gauge read at scrape time (queues, lags); its collection errors leave it unset rather than failing the scrape. */
  addScrapedGauge(gauge: ScrapedGauge): void {
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: gauge.labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const { labels, value } of await gauge.collect()) this.set(labels, value);
        } catch {
          // Redis or Postgres down: the gauge is absent from this scrape; /health says why.
        }
      },
    });
  }

  /** Serves `GET /metrics` on `port` (0 = off) at the configured metrics host; resolves with the bound port. */
  async serve(port: number): Promise<number | null> {
    if (port === 0 || this.server) return null;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    });
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        // A second process on the same machine with the same port (two workers of a demo): it runs
        // without /metrics rather than not at all; the line says which setting to change.
        this.logger.error(`/metrics not served: port ${port} ${error.code === 'EADDRINUSE' ? 'is taken' : `failed (${error.message})`}; set METRICS_PORT / WORKER_METRICS_PORT`);
        resolve(false);
      });
      server.listen(port, this.config.observability.metricsHost, () => resolve(true));
    });
    if (!bound) return null;
    this.server = server;
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
