// Package reload calls a function when the files of a directory change or when the process
// gets SIGHUP, so that a server picks up new message files without a restart.
//
// # What is watched
//
// The directory is watched, not the files in it: editors save by writing a new file and
// renaming it over the old one, and a Kubernetes ConfigMap volume publishes a new version by
// creating a timestamped directory and renaming a "..data_tmp" symlink over "..data". Both
// show up as events on the directory, while a watch on a file would follow the old inode and
// go quiet after the first save.
//
// # Debouncing
//
// One save or one ConfigMap update produces several events within a few milliseconds. The
// watcher waits until the directory has been quiet for the debounce interval (200 ms by
// default) and then calls the function once, so it never loads a half-written set of files
// on purpose. Changes that never stop (a directory rewritten every few milliseconds) still
// get a call five intervals after the first of them. A signal is not debounced: whoever
// sends SIGHUP has finished writing.
//
// # Failure
//
// The function's error is reported, not fatal: the caller keeps serving what it loaded
// before. The next change or signal tries again.
package reload
