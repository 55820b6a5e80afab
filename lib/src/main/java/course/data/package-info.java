/**
 * The course's data files: {@link course.data.DataFiles} reads and writes them with one strictly
 * configured Jackson mapper, and {@link course.data.DataFileException} names the file, line,
 * column and field of whatever it could not read.
 */
package course.data;
