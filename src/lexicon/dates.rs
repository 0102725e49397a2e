//! Month and weekday names and time zones, for time stamps and dates to
//! fill in.

crate::pattern_lists! {
    /// Month names, full and short, lower case.
    months = "months.txt";
    /// Weekday names, full and short, lower case.
    weekdays = "weekdays.txt";
    /// Time zone abbreviations, lower case.
    timezones = "timezones.txt";
}
