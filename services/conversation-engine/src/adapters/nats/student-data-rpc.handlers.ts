import { eraseStudent, type EraseStudentDeps } from '../../use-cases/student-data/erase-student';
import { erasedMedia } from '../../use-cases/student-data/erased-media';
import { studentDataRows } from '../../use-cases/student-data/student-data-rows';
import { studentDataTables } from '../../use-cases/student-data/student-data-tables';
import { studentHistory } from '../../use-cases/student-data/student-history';
import type { RpcHandlers } from './engine-rpc.server';

/** What erasure needs beyond the database: the sender's queues and the live events. */
export type StudentDataPorts = Pick<EraseStudentDeps, 'removeSenderJobs' | 'publishErased'>;

type StudentDataRpc = 'studentHistory' | 'studentDataTables' | 'studentDataRows' | 'eraseStudent' | 'erasedMedia';

/** The student's data (issue 15): transcript pages, subject access, erasure. */
export function studentDataRpcHandlers(deps: EraseStudentDeps): Pick<RpcHandlers, StudentDataRpc> {
  return {
    studentHistory: async (request) => ({ data: await studentHistory(deps, request) }),
    studentDataTables: async (request) => ({ data: await studentDataTables(deps, request) }),
    studentDataRows: async (request) => ({ data: await studentDataRows(deps, request) }),
    eraseStudent: async (request, ctx) => {
      const { outcome: data, changes } = await eraseStudent(deps, request);
      ctx.log.info(
        { erasureId: data.erasure.id, removed: data.erasure.removed, jobsInFlight: data.erasure.jobs_in_flight },
        'student erased',
      );
      return { data, changes };
    },
    erasedMedia: async (request) => ({ data: await erasedMedia(deps, request) }),
  };
}
