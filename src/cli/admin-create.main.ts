import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp } from '../app.factory.js';
import { SYSTEM } from '../common/auth/actor.js';
import { loadConfig } from '../config/app-config.js';
import { IdentitiesService } from '../modules/access/identities.service.js';
import { TokensService } from '../modules/access/tokens.service.js';

// `npm run admin:create -- --name "Ada Lovelace" --email ada@example.org`: creates an admin and
// prints a token for them, once. The way in to a new installation.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, email: { type: 'string' }, 'token-name': { type: 'string' } },
  });
  if (!values.name || !values.email) {
    process.stderr.write(
      'Usage: npm run admin:create -- --name "Ada Lovelace" --email ada@example.org [--token-name "laptop"]\n',
    );
    process.exit(64); // EX_USAGE
  }
  const app = await createApp({ ...loadConfig(), seedDemoData: false });
  try {
    const user = await app
      .get(IdentitiesService)
      .createUser(SYSTEM, { name: values.name, email: values.email, role: 'admin' });
    const token = await app
      .get(TokensService)
      .issue(SYSTEM, user.id, { name: values['token-name'] ?? 'first admin token' });
    process.stdout.write(
      `Created admin ${user.name} <${user.email}> (${user.id}).\nAPI token, shown this once:\n\n  ${token.token}\n\nUse it as: Authorization: Bearer ${token.token}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not create the admin: ${detail}\n`);
  process.exit(1);
});
