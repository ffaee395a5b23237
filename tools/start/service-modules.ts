import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import type { ServiceModule } from '@edugraph/platform';
import { enrollmentService } from '@edugraph/enrollment';
import { preschoolService } from '@edugraph/preschool';
import { licensingService } from '@edugraph/licensing';
import { vocationalService } from '@edugraph/vocational';
import { feedbackService } from '@edugraph/feedback';

// Keyed by name, so a service added to SERVICES without its module here fails the type check.
const MODULES: Record<ServiceName, ServiceModule> = {
  enrollment: enrollmentService,
  preschool: preschoolService,
  licensing: licensingService,
  vocational: vocationalService,
  feedback: feedbackService,
};

/** Every service's module for the tools (embedded launcher, migrations), in the order of SERVICES. */
export const SERVICE_MODULES: ServiceModule[] = SERVICES.map((name) => MODULES[name]);
