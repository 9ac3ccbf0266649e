package fix

func none() {
	publish("report.failed") // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
}
