/**
 * Predict: score rows with a registered model version through the
 * preprocessing it was trained with, explain one row, time single requests.
 */
export { conformTable } from './conform-table.ts';
export { explainRow, type FeatureEffect, type RowExplanation } from './explain-row.ts';
export { measureLatency, type LatencyOptions } from './measure-latency.ts';
export { parseModelRef, resolveModelRef, type ModelRef } from './model-ref.ts';
export { predictWithRegistry, type PredictOptions, type PredictResult } from './predict-service.ts';
export { predictionCells } from './prediction-cells.ts';
export { rowsToTable, type RequestRow } from './rows-to-table.ts';
export { SCORE_BATCH, scoreTable, type ScoredTable } from './score-table.ts';
export { loadServingModel, type ServingModel } from './serving-model.ts';
