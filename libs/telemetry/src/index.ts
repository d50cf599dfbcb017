export * from './telemetry-env';
export * from './start-tracing';
export * from './propagation';
export * from './spans';
