import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';

/** For pages: a domain NOT_FOUND (outside the actor's scope, or missing) becomes Next's 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
