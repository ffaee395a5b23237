-- One database per service: services never share tables.
CREATE DATABASE enrollment;
CREATE DATABASE preschool;
CREATE DATABASE licensing;
CREATE DATABASE vocational;
CREATE DATABASE feedback;
