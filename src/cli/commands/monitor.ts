import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { WorkbenchError } from '../../core/errors.ts';
import type { DriftFunction } from '../../core/monitor/drift-port.ts';
import { monitorModel, type MonitorReport } from '../../core/monitor/monitor-model.ts';
import { readMonitorPolicy, setMonitorPolicy } from '../../core/monitor/monitor-policy.ts';
import { DEFAULT_WINDOW } from '../../core/monitor/windows/log-windows.ts';
import { requireServingVersion } from '../../core/monitor/champion.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { parseEnvironment } from '../environment-option.ts';
import { readInputFile } from '../read-file.ts';
import { servingRuntime } from '../serving-runtime.ts';
import { printable, terminalSafeJson } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench monitor <name> --env staging|production [--workspace <dir>] [--window N]
                         [--traffic <file.csv>] [--log <id>] [--policy <file.json>] [--json]

Monitors what a model serves: the requests of the prediction log answered by
the version active in --env (or its Production version), cut into windows of
--window requests, each compared with the version's training reference (the
training split of its dataset version, recomputed from the run's seed):
  drift       per feature, with the chosen test, and the share that drifted (needs
              --traffic: the log keeps row numbers, not the features)
  prediction  the distribution of the answers against the version's answers on
              the reference rows
  accuracy    over the labels that arrived, with a 95% Wilson interval
The model's alert rules are checked on every window; new alerts are stored
and audited (an alert is raised once per rule and window).

Options:
  --env <env>             staging or production (required)
  --window <n>            requests per window (default ${DEFAULT_WINDOW}); a trailing window under
                          half of it is left out
  --traffic <file.csv>    the replayed traffic file, for feature drift
  --log <id>              only this replay's requests (default: every replay, in order)
  --policy <file.json>    first set the model's alert rules and retraining policy:
                          { "rules": [...], "retraining": {...} }
${WORKSPACE_USAGE}
  --json                  print the report as one JSON object
  -h, --help              show this help

Exit codes: 0 monitored (alerts or not), 1 nothing to monitor or bad input,
2 wrong command line.`;

/** `workbench monitor <name> --env <env> […]`, computing drift with `drift`. */
export function createMonitorCommand(drift: () => Promise<DriftFunction>): Command {
  return {
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const { values, positionals } = strictParse(args, {
        env: { type: 'string' },
        window: { type: 'string' },
        traffic: { type: 'string' },
        log: { type: 'string' },
        policy: { type: 'string' },
        ...WORKSPACE_OPTION,
        json: { type: 'boolean', default: false },
      });
      if (positionals.length !== 1)
        throw new UsageError('Name the model to monitor: workbench monitor <name> --env production.');
      const modelName = positionals[0];
      const env = parseEnvironment(values.env as string | undefined);
      const windowText = (values.window as string | undefined) ?? String(DEFAULT_WINDOW);
      const window = Number(windowText);
      if (windowText.trim() === '' || !Number.isFinite(window))
        throw new UsageError(`--window must be a whole number of requests (got "${printable(windowText)}").`);
      const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
      const actor = await cliActor(store);
      if (values.policy !== undefined) {
        const policy = parsePolicy(await readInputFile(values.policy as string), values.policy as string);
        const current = await readMonitorPolicy(store, modelName);
        await setMonitorPolicy(store, {
          modelName,
          rules: policy.rules ?? current.rules,
          retraining: { ...current.retraining, ...policy.retraining },
          actor,
          now: new Date().toISOString(),
        });
      }
      const trafficPath = values.traffic as string | undefined;
      const traffic = trafficPath === undefined ? null : parseCsv(await readInputFile(trafficPath)).table;
      const version = await requireServingVersion(store, modelName, env);
      const report = await monitorModel(
        store,
        {
          modelName,
          env,
          windowSize: window,
          traffic,
          logId: (values.log as string | undefined) ?? null,
          actor,
          now: new Date().toISOString(),
        },
        { drift: await drift(), tf: await servingRuntime([version.modelKind]) },
      );
      io.stdout(`${values.json ? terminalSafeJson(JSON.stringify(report, null, 2)) : describe(report)}\n`);
      return EXIT_OK;
    },
  };
}

interface PolicyFile {
  rules?: Parameters<typeof setMonitorPolicy>[1]['rules'];
  retraining?: Partial<Parameters<typeof setMonitorPolicy>[1]['retraining']>;
}

function parsePolicy(bytes: Uint8Array, path: string): PolicyFile {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as PolicyFile;
  } catch {
    // Reported below with what the file should hold.
  }
  throw new WorkbenchError(
    'cli.bad_json',
    `"${printable(path)}" is not a JSON object. Write { "rules": [{ "id": "drift", "kind": "drift_share", "threshold": 0.5 }], "retraining": { "onAlert": true } }.`,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report as lines of text: one block per window, then the alerts. */
function describe(r: MonitorReport): string {
  const lines = [
    `${printable(r.version)} serving ${r.env}: ${r.windows.length} window${r.windows.length === 1 ? '' : 's'} of ${r.windowSize} requests${r.leftOut ? ` (last ${r.leftOut} left out)` : ''}`,
    `reference: ${printable(r.reference)}; held-out accuracy ${r.baselineAccuracy === null ? '—' : pct(r.baselineAccuracy)}`,
    ...r.notes.map((n) => `note: ${printable(n)}`),
  ];
  for (const w of r.windows) {
    lines.push(`window ${w.index + 1}  requests ${w.firstRequest}–${w.lastRequest}`);
    if (w.drift) {
      const drifted = w.drift.columns.filter((c) => c.drifted).map((c) => `${printable(c.name)} (${c.test})`);
      lines.push(
        `  drift       ${pct(w.drift.driftShare)} of ${w.drift.columns.length} features${drifted.length ? `: ${drifted.join(', ')}` : ''}${w.drift.datasetDrift ? ' — dataset drift' : ''}`,
      );
    }
    lines.push(
      `  prediction  ${w.predictionDrift.drifted ? 'drifted' : 'stable'} (${w.predictionDrift.test}); ${Object.entries(
        w.outputShares,
      )
        .map(([k, v]) => `${printable(k)} ${pct(v)}`)
        .join(', ')}`,
    );
    lines.push(
      w.accuracy
        ? `  accuracy    ${pct(w.accuracy.accuracy)} [${pct(w.accuracy.interval[0])}, ${pct(w.accuracy.interval[1])}] on ${w.accuracy.labelled} labels`
        : '  accuracy    — (no label arrived yet)',
    );
  }
  lines.push(r.alerts.length ? `alerts (${r.alerts.filter((a) => a.new).length} new):` : 'alerts: none');
  for (const a of r.alerts) lines.push(`  ${a.new ? 'NEW ' : '    '}${printable(a.ruleId)}: ${printable(a.message)}`);
  return lines.join('\n');
}
