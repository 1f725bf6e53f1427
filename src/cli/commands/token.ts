// jikenbo token create|list|revoke: API tokens for `jikenbo serve`, stored hashed in the casebook database.
import type { Command } from 'commander';
import { TOKEN_ROLES, TokenStore, isTokenRole } from '../../store/index.js';
import { dbOption, withStore } from './store-helpers.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('manage API tokens for jikenbo serve');
  dbOption(
    token
      .command('create')
      .description('create a token and print it (it is shown only this once)')
      .requiredOption('--role <role>', `one of ${TOKEN_ROLES.join(', ')}`)
      .option('--name <name>', 'who or what the token is for', ''),
  ).action(async (flags: { role: string; name: string; db?: string }) => {
    if (!isTokenRole(flags.role)) throw new Error(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
    const role = flags.role;
    await withStore(flags.db, async (store) => {
      const { token: secret, info } = await new TokenStore(store.db).create(role, flags.name);
      process.stderr.write(`token ${info.id} (${info.role}${info.name ? `, ${info.name}` : ''}) — store it now, it is not shown again:\n`);
      process.stdout.write(`${secret}\n`);
    });
  });
  dbOption(token.command('list').description('list live tokens (ids, names, roles; never secrets)').option('--json', 'JSON output')).action(
    async (flags: { db?: string; json?: boolean }) => {
      await withStore(flags.db, async (store) => {
        const list = await new TokenStore(store.db).list();
        if (flags.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        else if (list.length === 0) process.stdout.write('no tokens\n');
        else for (const t of list) process.stdout.write(`${t.id}  ${t.role.padEnd(8)}${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}\n`);
      });
    },
  );
  dbOption(token.command('revoke').description('revoke a token by its id').argument('<id>')).action(async (id: string, flags: { db?: string }) => {
    await withStore(flags.db, async (store) => {
      if (!(await new TokenStore(store.db).revoke(id))) throw new Error(`no live token ${id}`);
      process.stdout.write(`revoked ${id}\n`);
    });
  });
}
