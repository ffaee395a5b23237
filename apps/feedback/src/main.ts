import { runStandalone } from '@edugraph/platform';
import { feedbackService } from './service.ts';

await runStandalone(feedbackService);
