import {
  LAMBDA_ACCOUNT_CONCURRENCY,
  LAMBDA_MAX_ACCOUNT_CONCURRENCY,
  LAMBDA_MAX_MEMORY_MB,
  LAMBDA_MAX_TIMEOUT_S,
  LAMBDA_MIN_MEMORY_MB,
  LAMBDA_MIN_UNRESERVED,
  LambdaRuntimeSchema,
  MAX_LOAD_PER_SECOND,
  resourcesOfKind,
  type LambdaFunction,
  type LambdaTrigger,
} from '../../domain';
import { connectResources, setLoadShape, updateResource, useSimStore } from '../../store';
import type { EditorProps } from './editors';
import { NumberField, Section, SelectField } from './fields';

/** Editors of a Lambda function (sizing, concurrency, errors and asynchronous invocation) and of its triggers. */

export function LambdaEditor({ resource: fn }: EditorProps<LambdaFunction>) {
  const set = <K extends keyof LambdaFunction>(key: K, value: LambdaFunction[K], field?: string) =>
    updateResource<LambdaFunction>(fn.id, (d) => void ((d as LambdaFunction)[key] = value), field);
  const setAsync = (patch: Partial<LambdaFunction['asyncInvocation']>, field?: string) =>
    set('asyncInvocation', { ...fn.asyncInvocation, ...patch }, field);
  return (
    <Section title="Function">
      <SelectField
        label="Runtime"
        value={fn.runtime}
        options={LambdaRuntimeSchema.options.map((r) => ({ value: r, label: r }))}
        onChange={(v) => set('runtime', v)}
      />
      <SelectField
        label="Architecture"
        value={fn.architecture}
        options={[
          { value: 'x86_64', label: 'x86_64' },
          { value: 'arm64', label: 'arm64 (Graviton, cheaper per GB-s)' },
        ]}
        onChange={(v) => set('architecture', v)}
      />
      <NumberField
        label="Memory (MB)"
        value={fn.memoryMb}
        min={LAMBDA_MIN_MEMORY_MB}
        max={LAMBDA_MAX_MEMORY_MB}
        hint={`${LAMBDA_MIN_MEMORY_MB} to ${LAMBDA_MAX_MEMORY_MB.toLocaleString('en-US')} MB; CPU grows with memory (1,769 MB = 1 vCPU)`}
        error={
          fn.memoryMb < LAMBDA_MIN_MEMORY_MB || fn.memoryMb > LAMBDA_MAX_MEMORY_MB
            ? `Lambda allows ${LAMBDA_MIN_MEMORY_MB} to ${LAMBDA_MAX_MEMORY_MB.toLocaleString('en-US')} MB.`
            : null
        }
        onChange={(v) => v !== null && set('memoryMb', v, 'memory')}
      />
      <NumberField
        label="Timeout (s)"
        value={fn.timeoutSeconds}
        min={1}
        max={LAMBDA_MAX_TIMEOUT_S}
        error={
          fn.timeoutSeconds < 1 || fn.timeoutSeconds > LAMBDA_MAX_TIMEOUT_S
            ? `Lambda allows 1 to ${LAMBDA_MAX_TIMEOUT_S} seconds.`
            : null
        }
        onChange={(v) => v !== null && set('timeoutSeconds', v, 'timeout')}
      />
      <NumberField
        label="Average duration (ms)"
        value={fn.averageDurationMs}
        min={1}
        onChange={(v) => v !== null && set('averageDurationMs', v, 'duration')}
      />
      <NumberField
        label="Reserved concurrency"
        value={fn.reservedConcurrency}
        min={0}
        max={LAMBDA_ACCOUNT_CONCURRENCY - LAMBDA_MIN_UNRESERVED}
        allowEmpty
        hint="Empty: uses the unreserved pool"
        onChange={(v) => set('reservedConcurrency', v, 'reserved')}
      />
      <NumberField
        label="Provisioned concurrency"
        value={fn.provisionedConcurrency}
        min={0}
        max={LAMBDA_MAX_ACCOUNT_CONCURRENCY}
        onChange={(v) => v !== null && set('provisionedConcurrency', v, 'provisioned')}
      />
      <NumberField
        label="Errors (% of invocations)"
        value={Math.round(fn.errorRate * 1000) / 10}
        min={0}
        max={100}
        step={0.1}
        hint="Function errors; asynchronous events (S3, EventBridge) are retried"
        onChange={(v) => v !== null && set('errorRate', Math.max(0, v) / 100, 'errors')}
      />
      <NumberField
        label="Async retry attempts"
        value={fn.asyncInvocation.maximumRetryAttempts}
        min={0}
        max={2}
        hint="0 to 2 (default 2), about 1 and 2 minutes apart"
        onChange={(v) => v !== null && setAsync({ maximumRetryAttempts: Math.max(0, Math.round(v)) }, 'retries')}
      />
      <NumberField
        label="Maximum event age (s)"
        value={fn.asyncInvocation.maximumEventAgeSeconds}
        min={60}
        max={21_600}
        hint="60 to 21,600 (6 hours, the default): how long a throttled event keeps being retried"
        error={fn.asyncInvocation.maximumEventAgeSeconds < 60 ? 'Lambda allows 60 to 21,600 seconds.' : null}
        onChange={(v) => v !== null && setAsync({ maximumEventAgeSeconds: Math.round(v) }, 'eventAge')}
      />
      <SelectField
        label="Failed async events go to"
        value={fn.asyncInvocation.onFailure}
        options={[
          { value: 'discard', label: 'Nowhere (discarded)' },
          { value: 'deadLetterQueue', label: 'A dead-letter queue (SQS or SNS)' },
          { value: 'destination', label: 'An on-failure destination' },
        ]}
        onChange={(v) => setAsync({ onFailure: v })}
      />
    </Section>
  );
}

export function TriggerEditor({ resource: trigger, design }: EditorProps<LambdaTrigger>) {
  const functions = resourcesOfKind(design, 'lambdaFunction');
  return (
    <Section title="Trigger">
      <SelectField
        label="Source"
        value={trigger.source}
        options={[
          { value: 'apiGateway', label: 'API Gateway' },
          { value: 'sqs', label: 'SQS queue' },
          { value: 's3', label: 'S3 event' },
          { value: 'eventBridgeSchedule', label: 'EventBridge schedule' },
        ]}
        onChange={(v) => updateResource<LambdaTrigger>(trigger.id, (d) => void (d.source = v))}
      />
      <SelectField
        label="Invokes"
        value={trigger.functionId}
        options={functions.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(v) => connectResources(trigger.id, v)}
      />
      <NumberField
        label="Events per second"
        value={trigger.eventsPerSecond}
        min={0}
        max={MAX_LOAD_PER_SECOND}
        step={0.1}
        onChange={(v) =>
          v !== null && updateResource<LambdaTrigger>(trigger.id, (d) => void (d.eventsPerSecond = v), 'rate')
        }
      />
      <SelectField
        label="Load shape"
        value={trigger.load.shape}
        options={[
          { value: 'constant', label: 'Constant' },
          { value: 'ramp', label: 'Ramp up over 60 s' },
          { value: 'spike', label: 'Spike (peak for 2 minutes)' },
          { value: 'daily', label: 'Daily curve' },
          { value: 'schedule', label: 'Schedule (one event a minute)' },
        ]}
        onChange={(shape) => setLoadShape(trigger.id, shape, useSimStore.getState().frame?.now ?? 0)}
      />
      {trigger.load.shape === 'spike' && (
        <NumberField
          label="Spike peak (events per second)"
          value={trigger.load.peak}
          min={0}
          max={MAX_LOAD_PER_SECOND}
          onChange={(v) =>
            v !== null &&
            updateResource<LambdaTrigger>(
              trigger.id,
              (d) => void (d.load.shape === 'spike' && (d.load.peak = v)),
              'peak',
            )
          }
        />
      )}
    </Section>
  );
}
