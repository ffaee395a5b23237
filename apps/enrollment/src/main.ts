import { runStandalone } from '@edugraph/platform';
import { enrollmentService } from './service.ts';

await runStandalone(enrollmentService);
