/**
 * A training thread of bench/deidLowo.ts trainFolds(): for each writer it is given, the name classifier trained on
 * every other writer's training words (shared, flat: features, where each word's start, its label, its writer), in
 * the order leaveOneWriterOut() gives them, with the same train(): the fold's model, posted back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { train, type Example, type TrainOptions } from '../services/deidentify/classifier/train';

const { features, offsets, labels, writerOf, forms, held, train: opts } = workerData as {
  features: Int32Array;
  offsets: Int32Array;
  labels: Int8Array;
  writerOf: Int32Array;
  forms: Int32Array;
  held: number[];
  train: TrainOptions;
};
for (const writer of held) {
  const data: Example[] = [];
  for (let k = 0; k < labels.length; k++) {
    if (writerOf[k] === writer) continue;
    // A view, not a copy: train() reads a word's features in order, as it reads the array leaveOneWriterOut() makes.
    data.push({ features: features.subarray(offsets[k]!, offsets[k + 1]!) as unknown as number[], label: labels[k] === 1 ? 1 : -1, writer: writerOf[k]!, ...(forms[2 * k + 1]! > forms[2 * k]! ? { form: [forms[2 * k]!, forms[2 * k + 1]!] as const } : {}) });
  }
  parentPort!.postMessage({ writer, model: train(data, 0, opts) });
}
