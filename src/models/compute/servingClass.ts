/**
 * The latency class of an LLM serving workload: whether the roofline's batch cycle meets an interactive, a server or
 * only an offline (batch) latency bound, so a token cost is never read as interactive serving when it is not.
 *
 * Method: time to first token TTFT ≈ the batch's prefill time (a request starts with its batch: no queueing, no
 * chunked prefill) and time per output token TPOT = one decode step (src/models/compute/inference.ts), each compared
 * with MLPerf Inference's bounds for Llama 2 70B (mlcommons/inference, loadgen/mlperf.conf, P99 bounds of the Server
 * scenario): `llama2-70b-interactive` TTFT ≤ 450 ms and TPOT ≤ 40 ms; `llama2-70b` TTFT ≤ 2,000 ms and TPOT ≤ 200 ms.
 * Validity: the bounds are MLPerf's for a 70B dense model; they are applied as stated to any model size. Mean, not
 * P99, latencies of the roofline are compared, so a workload near a bound may miss it in a P99 measurement.
 */
import { positive } from '../validate.js';

/** MLPerf Inference llama2-70b-interactive Server bounds (loadgen/mlperf.conf) [s]. */
export const INTERACTIVE_TTFT_s = 0.45;
export const INTERACTIVE_TPOT_s = 0.04;
/** MLPerf Inference llama2-70b Server bounds (loadgen/mlperf.conf) [s]. */
export const SERVER_TTFT_s = 2;
export const SERVER_TPOT_s = 0.2;

export interface ServingClassParams {
  /** Prefill time of one batch, the time to first token of its requests [s]. */
  readonly prefill_s: number;
  /** Decode rate one sequence sees [tokens/s]; its inverse is the time per output token. */
  readonly decodePerSequence_tokens_per_s: number;
}

export interface ServingClassResult {
  readonly servingClass: 'interactive' | 'server' | 'offline';
  readonly timeToFirstToken_s: number;
  readonly timePerOutputToken_s: number;
}

export function servingClass(p: Readonly<ServingClassParams>): ServingClassResult {
  positive('prefill_s', p.prefill_s);
  positive('decodePerSequence_tokens_per_s', p.decodePerSequence_tokens_per_s);
  const ttft = p.prefill_s;
  const tpot = 1 / p.decodePerSequence_tokens_per_s;
  const cls =
    ttft <= INTERACTIVE_TTFT_s && tpot <= INTERACTIVE_TPOT_s
      ? 'interactive'
      : ttft <= SERVER_TTFT_s && tpot <= SERVER_TPOT_s
        ? 'server'
        : 'offline';
  return { servingClass: cls, timeToFirstToken_s: ttft, timePerOutputToken_s: tpot };
}

/** "server serving (synchronous batch cycle: TTFT 0.30 s, TPOT 50 ms; within MLPerf's llama2-70b server bounds …)". */
export function servingClassText(r: ServingClassResult): string {
  const ms = (s: number): string => `${Number((s * 1000).toPrecision(2))} ms`;
  const bounds =
    r.servingClass === 'interactive'
      ? `within MLPerf's llama2-70b-interactive bounds ${INTERACTIVE_TTFT_s} s, ${ms(INTERACTIVE_TPOT_s)}`
      : r.servingClass === 'server'
        ? `within MLPerf's llama2-70b server bounds ${SERVER_TTFT_s} s, ${ms(SERVER_TPOT_s)}, not its interactive ones`
        : `past MLPerf's llama2-70b server bounds ${SERVER_TTFT_s} s, ${ms(SERVER_TPOT_s)}: batch work, not a chat service`;
  return `${r.servingClass} serving (synchronous batch cycle: TTFT ${r.timeToFirstToken_s.toPrecision(2)} s, TPOT ${ms(r.timePerOutputToken_s)}; ${bounds})`;
}
