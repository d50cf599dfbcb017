export { ConfigError, loadConfig, type Env } from './load-config';
export { DEFAULTS, devDefault, fields, jwtSecret, realInProduction, shutdownDrainMs } from './fields';
export { describeRedis, redisSentinelName, redisSentinels, redisSettings, SENTINEL_DEFAULT_PORT, type RedisSettings } from './redis';
