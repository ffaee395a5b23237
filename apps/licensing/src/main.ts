import { runStandalone } from '@edugraph/platform';
import { licensingService } from './service.ts';

await runStandalone(licensingService);
