/**
 * One batch to the district until a definite answer (district-api.md "Answers"): each answer the
 * interface lists has its own step here, and only a definite answer frees or removes the batch's
 * records. A run keeps one BatchDelivery; run.ts drives it.
 */
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { discardBatch, markDelivered, noteAttempt, rejectRecords, splitBatch, type BatchContext, type StoredBatch } from './batches';
import { backoffDelay, type RetryPolicy } from './retry';
import { postBatch, type Endpoint } from './transport';

/** Why a run ends early. */
export interface Stop {
  result: 'partial' | 'failed';
  message: string;
  /** Credentials are wrong: asking the status endpoint would only fail the same way. */
  auth?: boolean;
}

export class RunStopped extends Error {
  constructor(readonly stop: Stop) {
    super(stop.message);
  }
}

export interface RunTotals {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Batches the district stored. */
  delivered: number;
}

export type DeliveryPhase = 'resend' | 'send';

export interface DeliveryOptions {
  ctx: BatchContext;
  endpoint: Endpoint;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  policy: RetryPolicy;
  logger?: Logger;
  /** The upload lock went to another process: stop before the next request. */
  lockLost: () => boolean;
  /** A batch was answered: what the progress bar shows next. */
  progress: (phase: DeliveryPhase, batchId: string) => void;
}

type Answer = Awaited<ReturnType<typeof postBatch>>;
/** What to do after an answer: done with the batch, or send the same bytes again. */
type Next = 'done' | 'again';

/** More conflicts (409) than this in one run and something is wrong with the ids: stop. */
const MAX_CONFLICTS = 10;

export class BatchDelivery {
  readonly totals: RunTotals = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, delivered: 0 };
  /** Things the run's message says besides the counts. */
  readonly notes: string[] = [];
  /** Counting the outbox costs a scan of it; progress makes do with the start count minus what left. */
  pendingEstimate: number;
  private conflicts = 0;

  constructor(
    private readonly o: DeliveryOptions,
    pendingAtStart: number,
  ) {
    this.pendingEstimate = pendingAtStart;
  }

  /** Send one batch until a definite answer; throws RunStopped when the run must end. */
  async deliver(batch: StoredBatch, phase: DeliveryPhase): Promise<void> {
    const tries = { unknown: 0, busy: 0 };
    this.totals.sent += batch.recordCount;
    for (;;) {
      if (this.o.lockLost()) throw new RunStopped({ result: 'partial', message: '上传锁已被其他进程接管，本次上传中止。' });
      const answer = await postBatch(this.o.endpoint, batch.batchId, batch.body);
      if ((await this.onAnswer(batch, phase, answer, tries)) === 'done') return;
    }
  }

  private async onAnswer(
    batch: StoredBatch,
    phase: DeliveryPhase,
    answer: Answer,
    tries: { unknown: number; busy: number },
  ): Promise<Next> {
    switch (answer.type) {
      case 'stored':
        return this.stored(batch, phase, answer);
      case 'malformed':
        return this.malformed(batch, phase, answer.error);
      case 'unauthorised':
        noteAttempt(this.o.ctx, batch.batchId, 'HTTP 401', null);
        throw new RunStopped({
          result: 'failed',
          auth: true,
          message: '区平台拒绝了令牌（401）：令牌错误或已失效。请在“设置 → 区级上传”中重新输入区平台下发的令牌。',
        });
      case 'other-centre':
        noteAttempt(this.o.ctx, batch.batchId, 'HTTP 403', null);
        throw new RunStopped({
          result: 'failed',
          auth: true,
          message: `区平台拒绝了令牌（403）：令牌属于其他中心，与本中心代码 ${this.o.ctx.centreCode} 不符。请核对中心代码和令牌。`,
        });
      case 'conflict':
        return this.conflict(batch);
      case 'too-large':
        return this.tooLarge(batch, phase);
      case 'invalid':
        this.totals.rejected += rejectRecords(this.o.ctx, batch.batchId, answer.errors);
        this.o.progress(phase, batch.batchId);
        return 'done';
      case 'busy':
        tries.busy += 1;
        return this.busy(batch, answer, tries.busy);
      case 'unknown':
        tries.unknown += 1;
        return this.unknown(batch, answer.reason, tries.unknown);
      case 'unexpected':
        noteAttempt(this.o.ctx, batch.batchId, `HTTP ${answer.status}`, null);
        throw new RunStopped({
          result: 'failed',
          message: `区平台应答异常（HTTP ${answer.status}），请检查区平台地址是否正确。未上传的记录已保留。`,
        });
    }
  }

  private stored(batch: StoredBatch, phase: DeliveryPhase, answer: Extract<Answer, { type: 'stored' }>): Next {
    const { dequeued } = markDelivered(this.o.ctx, batch.batchId, batch.sent);
    this.pendingEstimate = Math.max(0, this.pendingEstimate - dequeued);
    this.totals.accepted += answer.accepted;
    this.totals.duplicates += answer.duplicates;
    this.totals.delivered += 1;
    this.o.progress(phase, batch.batchId);
    return 'done';
  }

  /** Resending the same bytes would fail the same way: hold the records for a fixed build. */
  private malformed(batch: StoredBatch, phase: DeliveryPhase, error: string): Next {
    const message = `区平台拒收整个批次（400：${error}），需更新程序后重传`;
    this.totals.rejected += rejectRecords(this.o.ctx, batch.batchId, [], message);
    this.notes.push(message);
    this.o.logger?.error(`upload batch ${batch.batchId} refused with 400: ${error}`);
    this.o.progress(phase, batch.batchId);
    return 'done';
  }

  /** The id is spent on other content: its records go out again under a new id. */
  private conflict(batch: StoredBatch): Next {
    discardBatch(this.o.ctx, batch.batchId);
    this.conflicts += 1;
    if (this.conflicts > MAX_CONFLICTS)
      throw new RunStopped({ result: 'partial', message: '区平台多次答复批次编号冲突（409），本次上传中止。' });
    return 'done';
  }

  private async tooLarge(batch: StoredBatch, phase: DeliveryPhase): Promise<Next> {
    const split = splitBatch(this.o.ctx, batch.batchId);
    this.totals.rejected += split.rejected;
    this.totals.sent -= batch.recordCount; // the halves count their own records
    for (const half of split.batches) await this.deliver(half, phase);
    return 'done';
  }

  private async busy(batch: StoredBatch, answer: Extract<Answer, { type: 'busy' }>, waits: number): Promise<Next> {
    const { policy } = this.o;
    const wait = answer.retryAfterMs ?? backoffDelay(policy, waits, this.o.random);
    noteAttempt(this.o.ctx, batch.batchId, `HTTP ${answer.status}`, new Date(this.o.clock.now().getTime() + wait));
    if (wait > policy.retryAfterCapMs || waits > policy.maxBusyWaits) {
      throw new RunStopped({
        result: 'partial',
        message: `区平台繁忙（HTTP ${answer.status}，要求 ${Math.ceil(wait / 1000)} 秒后再试），剩余记录将在下次上传时继续。`,
      });
    }
    await this.o.sleep(wait);
    return 'again';
  }

  /** No answer, or none we can trust: the same bytes again after a back-off, a few times. */
  private async unknown(batch: StoredBatch, reason: string, tries: number): Promise<Next> {
    const wait = backoffDelay(this.o.policy, tries, this.o.random);
    const last = tries >= this.o.policy.maxAttempts;
    noteAttempt(this.o.ctx, batch.batchId, reason, last ? null : new Date(this.o.clock.now().getTime() + wait));
    this.o.logger?.warn(`upload batch ${batch.batchId} try ${tries}: ${reason}`);
    if (last) {
      throw new RunStopped({
        result: 'partial',
        message: `区平台暂时无法接收（${reason}），同一批次已重试 ${tries} 次，剩余记录将在下次上传时继续。`,
      });
    }
    await this.o.sleep(wait);
    return 'again';
  }
}
