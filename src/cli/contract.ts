/**
 * The command line's way into the engine: every call goes through the API's dispatch, as calls
 * from the app and the web host do, so its arguments are checked by the same schemas and its
 * failures are the contract's errors.
 */
import { resultValue, type ApiArgs, type ApiMethod, type ApiValue, type QuireApi } from '../shared/api';
import { dispatch } from '../core/api/dispatch';

/**
 * Call one API method through dispatch.
 *
 * @throws ApiError with the contract's code and message when the call fails
 * @example await callApi(libraryService(loaded), 'search', ['dry mouth', { limit: 5 }])
 */
export async function callApi<M extends ApiMethod>(api: Partial<QuireApi>, method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  return resultValue(await dispatch(api, method, args)) as ApiValue<M>;
}
