import 'reflect-metadata';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { seedDemoRegisterIfEmpty } from './seed.js';

// `npm run seed`: loads the demo register into the database of DATABASE_URL (or the embedded one).
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  try {
    const result = await seedDemoRegisterIfEmpty(app, { demoIdentities: !config.databaseUrl });
    process.stdout.write(
      result
        ? `Loaded the demo register: ${result.members} members, ${result.actionPlans} action plans, ${result.commitments} commitments, ${result.milestones} milestones, ${result.progressUpdates} progress updates, ${result.assessments} assessments, ${result.evidence} evidence items${result.users > 0 ? `, ${result.users} demo users` : ''}.\n`
        : 'The register already has members: nothing loaded.\n',
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
