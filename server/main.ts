/**
 * `npm run server` starts the review server; `npm run server -- admin …` runs an admin command.
 */
import { runAdmin } from './admin/cli';
import { loadConfig } from './config';
import { startServer } from './start';

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  if (argv[0] === 'admin') return runAdmin(config, argv.slice(1));
  if (argv.length && argv[0] !== 'serve') {
    console.error(`未知命令：${argv[0]}。用法：npm run server [-- admin <命令>]`);
    return 2;
  }
  const server = await startServer(config);
  console.log(`先审审核服务器已启动：${server.url}（数据库：${config.dbKind === 'pglite' ? `内置 PGlite，${config.dataDir}` : 'PostgreSQL'}）`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
