import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { draftFromCsv, profileDraft } from '../../core/data/draft.ts';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { baseName } from '../../core/data/versions/file-name.ts';
import { saveDraftAsVersion } from '../../core/data/versions/save-version.ts';
import { modelEntry } from '../../core/models/catalogue.ts';
import { servingVersion } from '../../core/monitor/champion.ts';
import { readMonitorPolicy } from '../../core/monitor/monitor-policy.ts';
import type { RetrainingRecord } from '../../core/monitor/monitor-types.ts';
import { retrainModel } from '../../core/monitor/retraining/retrain-model.ts';
import { WORKBENCH_VERSION } from '../../core/version.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { loadData } from '../run-training.ts';
import { printable, terminalSafeJson } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench retrain <name> [--workspace <dir>] [--data <newer.csv>] [--traffic <file.csv>] [--json]

Runs the model's retraining policy once: the champion's pipeline spec (the
version serving the policy's environment) is trained on the newest dataset
version (--data saves a newer file as one first), the run is registered as
the challenger and compared with the champion through the promotion gates;
then, per policy, it is promoted and deployed (directly, or through the
policy's rollout strategy replayed over --traffic), or left waiting for a
person's approval. Every step is in the audit log. A failed retraining
leaves the champion serving and says so there too.

Options:
  --data <newer.csv>      save this file as a dataset version and retrain on it
  --traffic <file.csv>    traffic to replay when the policy rolls out with a strategy
${WORKSPACE_USAGE}
  --json                  print the retraining record: { id, trigger, champion, challenger,
                          outcome, steps: [{ step, ok, message }] }
  -h, --help              show this help

Exit codes: 0 retrained (promoted, waiting for approval, or kept out by the
gates or the rollout), 1 the retraining failed, 2 wrong command line.`;

/** `workbench retrain <name> […]`. */
export const retrainCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      data: { type: 'string' },
      traffic: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Name the model to retrain: workbench retrain <name>.');
    const modelName = positionals[0];
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const actor = await cliActor(store);
    let datasetVersionId: string | null = null;
    let trigger = 'manual (workbench retrain)';
    const dataPath = values.data as string | undefined;
    if (dataPath !== undefined) {
      const data = await loadData(dataPath);
      const fileName = basename(dataPath);
      const draft = draftFromCsv(data.parsed, fileName, data.sizeBytes);
      const saved = await saveDraftAsVersion(store, draft, {
        name: baseName(fileName),
        note: 'Saved by workbench retrain.',
        actor,
        now: Date.now(),
        encoded: data.encoded,
        profile: profileDraft(draft),
      });
      datasetVersionId = saved.version.id;
      trigger = `new data "${saved.version.name}" (${saved.version.id.slice(0, 12)}, workbench retrain --data)`;
    }
    const trafficPath = values.traffic as string | undefined;
    const traffic = trafficPath === undefined ? null : parseCsv(await readInputFile(trafficPath)).table;
    const policy = await readMonitorPolicy(store, modelName);
    const champion = await servingVersion(store, modelName, policy.retraining.env);
    const backend =
      champion && modelEntry(champion.version.modelKind).runtime === 'tfjs'
        ? await (await import('../../adapters/tf-backend/node-backend.ts')).selectNodeBackend()
        : null;
    const record = await retrainModel(
      store,
      {
        modelName,
        trigger,
        datasetVersionId,
        traffic,
        runId: randomUUID(),
        runName: `retrain ${modelName} #${await store.reserveRunNumber()}`,
        actor,
      },
      {
        clock: () => performance.now(),
        now: () => Date.now(),
        tf: backend?.runtime ?? null,
        environment: {
          backend: backend?.name ?? null,
          backendReason: backend?.reason ?? null,
          tfjsVersion: backend?.tfVersion ?? installedTfjsVersion(),
          workbenchVersion: WORKBENCH_VERSION,
          platform: `node ${process.version} (${process.platform} ${process.arch})`,
        },
      },
    );
    io.stdout(`${values.json ? terminalSafeJson(JSON.stringify(record, null, 2)) : describe(record)}\n`);
    if (record.outcome === 'failed') {
      io.stderr(`workbench retrain: ${printable(record.steps.at(-1)!.message)}\n`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  },
};

function describe(r: RetrainingRecord): string {
  const lines = [`retraining ${printable(r.id)} of ${printable(r.modelName)}: ${r.outcome.replace('_', ' ')}`];
  for (const s of r.steps) lines.push(`  ${s.ok ? '✓' : '✗'} ${s.step.padEnd(10)} ${printable(s.message)}`);
  return lines.join('\n');
}

function installedTfjsVersion(): string {
  const pkg = createRequire(import.meta.url)('@tensorflow/tfjs/package.json') as { version: string };
  return pkg.version;
}
