import { runStandalone } from '@edugraph/platform';
import { preschoolService } from './service.ts';

await runStandalone(preschoolService);
