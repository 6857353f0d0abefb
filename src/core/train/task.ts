/** What a model learns: a class per row, or a number. */
export type Task = 'classification' | 'regression';
