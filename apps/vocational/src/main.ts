import { runStandalone } from '@edugraph/platform';
import { vocationalService } from './service.ts';

await runStandalone(vocationalService);
