/** Jest global teardown of the integration project: removes the shared demo workbook's folder. */
import { rmSync } from 'fs';
import { dirname } from 'path';
import { SHARED_DEMO_ENV } from './helpers';

export default function demoTeardown(): void {
  const file = process.env[SHARED_DEMO_ENV];
  if (file) rmSync(dirname(file), { recursive: true, force: true });
  delete process.env[SHARED_DEMO_ENV];
}
