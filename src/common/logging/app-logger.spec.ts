import { requestContext } from '../http/request-context.js';
import { AppLogger } from './app-logger.js';

function collecting(level: 'log' | 'debug', format: 'json' | 'text'): { logger: AppLogger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new AppLogger(level, format, (line) => lines.push(line)), lines };
}

describe('AppLogger', () => {
  it('writes one JSON object per line with the request id of the request being served', () => {
    const { logger, lines } = collecting('log', 'json');
    requestContext.run({ requestId: 'req-42' }, () => logger.log({ msg: 'saved', id: 7 }, 'Commitments'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'log',
      context: 'Commitments',
      requestId: 'req-42',
      msg: 'saved',
      id: 7,
    });
  });

  it('keeps the stack of an error in the same line', () => {
    const { logger, lines } = collecting('log', 'json');
    logger.error('failed', 'Error: boom\n    at x', 'ProblemFilter');
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      msg: 'failed',
      stack: 'Error: boom\n    at x',
      context: 'ProblemFilter',
    });
  });

  it('drops what is below its level, and Nest start-up chatter unless debugging', () => {
    const { logger, lines } = collecting('log', 'text');
    logger.debug('details');
    logger.log('Mapped {/x, GET} route', 'RouterExplorer');
    expect(lines).toEqual([]);
    logger.log('listening', 'Main');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[Main] listening');
  });
});
