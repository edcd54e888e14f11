/** The answer for anything that is not there or not yours: the same page, so nothing leaks. */
import { AppPage } from "./app-page";

export function NotFound() {
	return (
		<AppPage title="Not found" current={null}>
			<h1>Not found</h1>
			<p>
				There is nothing here. <a href="/app">Back to Today</a>.
			</p>
		</AppPage>
	);
}
